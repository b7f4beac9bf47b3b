// Records a data migration as applied; the :PaperGraphMigration node is bookkeeping only (no query of the explorer
// reads it, the stats and health counts name their labels).
MERGE (m:PaperGraphMigration {id: $id})
ON CREATE SET m.appliedAt = datetime()
