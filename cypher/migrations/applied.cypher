// Ids of the data migrations already applied to this database (each recorded by migrations/record).
MATCH (m:PaperGraphMigration)
RETURN collect(m.id) AS ids
