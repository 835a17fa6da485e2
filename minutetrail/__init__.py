"""minutetrail: council committee papers to a queryable record of decisions and actions."""
__version__ = "0.1.0"
