// Other people with the same name as the author (the same folded name key, an indexed lookup): each with its paper
// count, most papers first, at most $limit, with how many there are.
MATCH (a:Author {id: $id})
MATCH (o:Author {key: a.key})
WHERE o <> a
WITH o, COUNT { (o)-[:AUTHORED]->(:Paper) } AS papers
ORDER BY papers DESC, o.id
WITH collect({id: o.id, name: o.name, papers: papers}) AS people
RETURN size(people) AS total, people[..$limit] AS people
