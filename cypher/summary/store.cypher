// Stores the summary parts computed for graph version $version of epoch $epoch, each unless a part as new or newer is
// already stored in this $format (two servers refreshing at once both compute the same version; neither overwrites a
// later one; a part in another shape is always replaced).
UNWIND $parts AS part
MERGE (m:PaperGraphSummary {key: part.key})
WITH m, part
WHERE m.version IS NULL OR m.format IS NULL OR m.format <> $format OR m.epoch <> $epoch OR m.version < $version
SET m.version = $version, m.epoch = $epoch, m.format = $format, m.json = part.json, m.builtAt = datetime(), m.buildMs = $buildMs
RETURN count(m) AS stored
