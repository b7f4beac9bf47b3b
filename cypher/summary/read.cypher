// One stored summary part and the current graph version, in one read. The part's JSON is returned only when it differs
// from the version the caller already holds ($haveVersion/$haveEpoch), so a warm server reads two small rows. A part
// stored in another shape than $format (by another release) reads as none.
OPTIONAL MATCH (s:PaperGraphState {key: 'graph'})
OPTIONAL MATCH (m:PaperGraphSummary {key: $key})
WITH s, CASE WHEN m.format = $format THEN m END AS m
RETURN coalesce(s.version, 0) AS graphVersion,
       coalesce(s.epoch, '') AS graphEpoch,
       m.version AS version,
       m.epoch AS epoch,
       toString(m.builtAt) AS builtAt,
       CASE WHEN m.version = $haveVersion AND m.epoch = $haveEpoch THEN null ELSE m.json END AS json
