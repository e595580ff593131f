//! Storage migrations of the owners' assembly. Version 0 is the first: none yet.
