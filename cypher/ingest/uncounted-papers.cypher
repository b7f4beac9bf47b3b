// A page of papers (by id, after $after) not counted in the stored topic document frequencies yet: written before
// the graph kept them. Stubs have no text and are never counted.
MATCH (p:Paper)
WHERE p.id > $after AND p.topicTerms IS NULL AND NOT p:Stub
RETURN p.id AS id, p.title AS title, coalesce(p.abstract, '') AS abstract
ORDER BY id
LIMIT $limit
