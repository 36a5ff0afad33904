"""The library: the first window, listing every response with its progress."""
