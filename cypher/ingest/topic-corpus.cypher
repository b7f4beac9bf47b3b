// Papers counted in the stored topic document frequencies (0 on a graph that has none yet).
OPTIONAL MATCH (c:TopicCorpus {id: 'papers'})
RETURN coalesce(c.papers, 0) AS papers
