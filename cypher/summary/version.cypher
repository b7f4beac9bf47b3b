// The current graph version (0 and epoch '' before the first write): one lookup through the key constraint's index.
OPTIONAL MATCH (s:PaperGraphState {key: 'graph'})
RETURN coalesce(s.version, 0) AS version, coalesce(s.epoch, '') AS epoch
