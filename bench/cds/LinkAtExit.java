import java.lang.instrument.Instrumentation;

/**
 * A Java agent for the training run of application class-data sharing (docs/operations.md, "Start-up").
 *
 * <p>Java 17 writes a dynamic archive ({@code -XX:ArchiveClassesAtExit}) with the classes that were loaded
 * <em>and linked</em> when the JVM exits; a class that was only loaded is skipped ("Not linked"). Some 2,500 of
 * the classes a Dispatch start loads are of that kind: the JVM loads them to check the verification constraints
 * of archived classes, or the verifier loads them for type checks, and nothing links them. Every start then reads
 * and parses them again from the jars. This agent links every class loaded so far, in a shutdown hook, just
 * before the JVM writes the archive; linking runs no static initialiser. Classes that only this linking loads
 * are left out (one pass, not a closure): no normal start loads them.
 *
 * <p>A JVM refuses to write an archive with an agent attached unless told
 * {@code -XX:+UnlockDiagnosticVMOptions -XX:+AllowArchivingWithJavaAgent}, and ignores an archive written so
 * unless started with the same two options. bench/run compiles this file with the JDK's javac and jar.
 */
public final class LinkAtExit {

    private LinkAtExit() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            int linked = 0;
            int failed = 0;
            for (Class<?> type : instrumentation.getAllLoadedClasses()) {
                if (type.isArray() || type.isPrimitive() || type.isHidden()) {
                    continue;
                }
                try {
                    type.getDeclaredMethods(); // HotSpot links a class before it lists its methods
                    linked++;
                } catch (Throwable e) { // a class whose dependencies are missing stays out of the archive
                    failed++;
                }
            }
            System.err.println("LinkAtExit: linked " + linked + " loaded classes for the class-data archive"
                    + (failed > 0 ? " (" + failed + " could not be linked)" : ""));
        }, "link-at-exit"));
    }
}
