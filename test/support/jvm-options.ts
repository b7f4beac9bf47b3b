// JVM options for the Neo4j JVMs of a test run (the shared database, and every JVM a test starts itself: servers,
// bulk importers, supervisors), passed through the JDK's own JDK_JAVA_OPTIONS variable so that the product code is
// run unchanged.
//
// The tests start more than twenty short-lived JVMs on a 2-core machine. With only the C1 compiler a Neo4j start takes
// about half the CPU time of the default tiered C1 + C2 (see docs/benchmarks.md, "Test suite wall time"), and these
// JVMs live too briefly for C2's faster code to pay its compile cost back. The `java` launcher prints one
// "NOTE: Picked up JDK_JAVA_OPTIONS: …" line on stderr; nothing parses that line.

/** Appended to any JDK_JAVA_OPTIONS already set, so a developer's own options still apply. */
export const TEST_JVM_OPTIONS = '-XX:TieredStopAtLevel=1';

/** The environment variables that give test JVMs {@link TEST_JVM_OPTIONS}. */
export function testJvmEnv(env: NodeJS.ProcessEnv = process.env): { JDK_JAVA_OPTIONS: string } {
  const own = env.JDK_JAVA_OPTIONS?.trim();
  return { JDK_JAVA_OPTIONS: own ? `${own} ${TEST_JVM_OPTIONS}` : TEST_JVM_OPTIONS };
}
