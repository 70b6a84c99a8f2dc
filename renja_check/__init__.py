"""renja-check: verify a Renja Perangkat Daerah against its planning chain."""

__version__ = "0.1.0"
