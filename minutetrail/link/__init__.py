"""Cross-meeting linking: candidate blocking, scorers, stored judgements, owner resolution."""
