"""Golden outputs: the JSON of `compute` and `assess` for every example file, kept to compare a change against."""
