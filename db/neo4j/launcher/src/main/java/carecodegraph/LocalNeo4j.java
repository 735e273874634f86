package carecodegraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j 5.26 Community embedded with its Bolt connector on 127.0.0.1, for machines with
 * neither a Neo4j server nor a Docker engine.
 *
 * <p>Usage: {@code java carecodegraph.LocalNeo4j <data-dir> <port>} (port 0 picks a free one).
 *
 * <p>Protocol with the parent process (db/neo4j/local-neo4j.ts), one line each on stdout:
 * {@code NEO4J_READY bolt://127.0.0.1:<port>} once Bolt accepts connections, or
 * {@code NEO4J_ERROR <CODE> <sentence>} before exiting non-zero. The JVM stops the database
 * cleanly on SIGINT/SIGTERM and when its stdin reaches end of file, which is what happens when
 * the parent dies by any means: there is never an orphan JVM holding the data folder.
 */
public final class LocalNeo4j {
  private static final String LOCK_FILE = "care-code-graph.lock";
  private static final long LOCK_WAIT_NANOS = 10_000_000_000L;

  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      fail("USAGE", "usage: LocalNeo4j <data-dir> <port>");
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    Files.createDirectories(home);

    // Our own lock, taken before Neo4j touches the store: a second launcher on the same
    // folder is refused with a clear sentence instead of a store-lock stack trace.
    FileChannel lockChannel =
        FileChannel.open(home.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    // A service that was just stopped may still be closing the store: wait a little for it.
    FileLock lock = null;
    long deadline = System.nanoTime() + LOCK_WAIT_NANOS;
    while (lock == null) {
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock != null || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(250);
    }
    if (lock == null) {
      fail("DATA_DIR_IN_USE", "the data folder " + home + " is already used by another running Neo4j");
    }

    // Written on every start so the settings in force are visible beside the data.
    Path settings = home.resolve("neo4j-local.conf");
    Files.writeString(
        settings,
        String.join(
            "\n",
            "# Written by care-code-graph's launcher at each start; edits are overwritten.",
            "server.bolt.enabled=true",
            "server.bolt.listen_address=127.0.0.1:" + port,
            "server.bolt.advertised_address=127.0.0.1:" + port,
            "server.http.enabled=false",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=false",
            "dbms.usage_report.enabled=false",
            "server.memory.pagecache.size=128m",
            "db.tx_log.rotation.retention_policy=2 files",
            ""));

    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(settings).build();
    } catch (RuntimeException e) {
      fail("START_FAILED", rootMessage(e));
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    final FileLock heldLock = lock;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    dbms.shutdown();
                    heldLock.release();
                    lockChannel.close();
                  } catch (Exception ignored) {
                    // The JVM is exiting: the OS releases the lock in any case.
                  } finally {
                    stopped.countDown();
                  }
                },
                "neo4j-shutdown"));

    GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    HostnamePort bolt =
        db.getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class)
            .getLocalAddress(ConnectorType.BOLT);
    if (bolt == null) {
      fail("START_FAILED", "Neo4j started but its Bolt connector did not open");
    }
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + bolt.getPort());
    System.out.flush();

    // The parent holds our stdin open for as long as it lives; end of file means it is gone.
    Thread watcher =
        new Thread(
            () -> {
              try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) != -1) {
                  // Anything the parent writes is ignored; only end of file matters.
                }
              } catch (IOException ignored) {
                // A broken pipe means the same as end of file.
              }
              System.exit(0);
            },
            "parent-watcher");
    watcher.setDaemon(true);
    watcher.start();
    stopped.await();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static void fail(String code, String sentence) {
    System.out.println("NEO4J_ERROR " + code + " " + sentence);
    System.out.flush();
    System.exit(2);
  }
}
