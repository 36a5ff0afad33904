"""The rich-text answer editor: document model, paste filter, overflow highlight, counter."""
