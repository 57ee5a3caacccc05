"""Modal screens: confirmation, quiz options, a bank's errors."""
