package com.exqress.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How much CPU the rest of the machine used while a benchmark ran, in cores: all the CPU time the kernel counted
 * ({@code /proc/stat}) less what this JVM, the server and its PostgreSQL used ({@code /proc/<pid>/stat}). The load
 * average cannot tell this: a closed loop of 64 clients on 2 cores keeps it high by itself. Linux only.
 */
final class OtherCpu {

    /** The kernel's clock ticks per second for these files (USER_HZ), 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final long[] jvms;
    private final long postgres;
    private final long startedAt;
    private final long busyAtStart;
    private final long oursAtStart;

    private OtherCpu(long[] jvms, long postgres) {
        this.jvms = jvms;
        this.postgres = postgres;
        this.startedAt = System.nanoTime();
        this.busyAtStart = busyTicks();
        this.oursAtStart = ourTicks();
    }

    /** Starts counting now; {@code jvms} are our Java processes, {@code postgres} the postmaster. */
    static OtherCpu since(long postgres, long... jvms) {
        return new OtherCpu(jvms, postgres);
    }

    /** Cores' worth of CPU the rest of the machine used since {@link #since}. */
    double cores() {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        return ((busyTicks() - busyAtStart) - (ourTicks() - oursAtStart)) / TICKS_PER_SECOND / seconds;
    }

    /** user + nice + system + irq + softirq + steal of all CPUs: everything but idle and I/O wait. */
    private static long busyTicks() {
        String[] cpu = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
    }

    /**
     * Our JVMs' own time, plus PostgreSQL's: the postmaster with the children it has reaped (a closed connection's
     * backend) and the backends still running.
     */
    private long ourTicks() {
        long ticks = 0;
        for (long jvm : jvms) {
            ticks += ticksOf(stat(jvm), false);
        }
        ticks += ticksOf(stat(postgres), true);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("[0-9]+")).toList()) {
                String[] stat = stat(process);
                if (stat != null && Long.parseLong(stat[1]) == postgres) {
                    ticks += ticksOf(stat, false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    private static String[] stat(long pid) {
        return stat(Path.of("/proc", Long.toString(pid)));
    }

    /**
     * The fields after the command name, which is in parentheses and may hold spaces: [0] is the state, [1] the
     * parent, [11] and [12] user and system time, [13] and [14] those of reaped children. Null if it has ended.
     */
    private static String[] stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long ticksOf(String[] stat, boolean withReapedChildren) {
        if (stat == null) {
            return 0;
        }
        long own = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return withReapedChildren ? own + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : own;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
