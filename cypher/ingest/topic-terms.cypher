// Stored document frequencies of the given phrase keys (keys no stored paper uses have no row).
UNWIND $keys AS key
MATCH (t:TopicTerm {key: key})
RETURN t.key AS key, t.papers AS papers
