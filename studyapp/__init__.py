"""studyapp: offline practice for the Chinese civil-service structured interview."""

__version__ = "0.1.0"
