"""The Textual app (roadmap: findings browser and the cited assistant). Not built yet."""
