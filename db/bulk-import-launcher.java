// PaperGraph bulk load: runs Neo4j's own importer (`neo4j-admin database import full`, org.neo4j.cli.AdminTool from
// the runtime jar set) as a child of the Node CLI, and dies with its parent.
//
// Usage: java [jvm flags] -cp "jars/*" db/bulk-import-launcher.java database import full [importer options...]
// Env: NEO4J_HOME and NEO4J_CONF (the staging home whose neo4j.conf points the importer at the staging store).
//
// A watcher thread reads stdin; the parent holds the only write end, so EOF means the parent is gone (even after
// `kill -9`): the JVM then halts at once instead of finishing an import nobody will swap in.

import java.io.InputStream;

public class BulkImportLauncher {
    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(() -> {
            try {
                InputStream in = System.in;
                byte[] buf = new byte[64];
                while (in.read(buf) >= 0) {
                    // The parent never writes; anything read is ignored.
                }
            } catch (Exception ignored) {
                // A broken stdin also means the parent is gone.
            }
            System.err.println("PAPERGRAPH_BULK_PARENT_GONE");
            Runtime.getRuntime().halt(137);
        }, "papergraph-parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        org.neo4j.cli.AdminTool.main(args);
    }
}
