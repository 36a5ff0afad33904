"""The domain core: questionnaires, limits, counting, responses. No Qt, no SQL."""
