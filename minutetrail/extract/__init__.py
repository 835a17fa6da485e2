"""The only code that opens a PDF."""
from minutetrail.extract.pdf import OpenedPdf, file_sha256, read_pdf

__all__ = ["OpenedPdf", "file_sha256", "read_pdf"]
