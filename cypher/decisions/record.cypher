// Records one identity decision as data. $props holds the decision's fields (see ingest/identity/decisions.ts:
// decisionProps); `seq` orders decisions for their re-application, `status` is 'active' until the decision is undone.
CREATE (d:IdentityDecision)
SET d = $props
RETURN d.id AS id
