"""ConsultDesk: answer questionnaires from international bodies, within every limit."""

__version__ = "0.1.0"
