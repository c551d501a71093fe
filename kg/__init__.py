"""kg: an actor-relationship knowledge graph built from news articles."""
