"""File formats: Word export and questionnaire import."""
