"""The Textual user interface: a thin layer over studyapp.core."""
