package dev.kassa.bench;

/**
 * One line of {@code /proc/<pid>/stat} (proc(5)): the fields the CPU accounting needs. Times are in clock ticks;
 * {@code cutime}/{@code cstime} hold the CPU of children the process has waited for, so a PostgreSQL backend
 * that ended inside the window still counts (in its postmaster).
 */
record ProcStat(int pid, String comm, int ppid, long utime, long stime, long cutime, long cstime) {

    /** Parses a stat line; the command name may hold spaces and parentheses, so fields are counted from the last ')'. */
    static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        int pid = Integer.parseInt(line.substring(0, open).trim());
        String comm = line.substring(open + 1, close);
        // after ')': state(3) ppid(4) pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime(14) stime cutime cstime
        String[] f = line.substring(close + 1).trim().split("\\s+");
        if (f.length < 15) {
            throw new IllegalArgumentException("short /proc/<pid>/stat line: " + line);
        }
        return new ProcStat(pid, comm, Integer.parseInt(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                Long.parseLong(f[13]), Long.parseLong(f[14]));
    }

    /** All CPU of this process and of its waited-for children, in ticks. */
    long ticks() {
        return utime + stime + cutime + cstime;
    }

    /** The first line of {@code /proc/stat} ("cpu ..."): busy and total ticks of all CPUs together. */
    record Box(long busy, long total) {

        static Box parse(String cpuLine) {
            String[] f = cpuLine.trim().split("\\s+");
            if (!f[0].equals("cpu") || f.length < 5) {
                throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
            }
            long busy = 0;
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal; guest is in user
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
            return new Box(busy, total);
        }
    }

    /**
     * The JVM options of a command line (NUL-separated /proc/<pid>/cmdline): the arguments that start with '-'
     * before the main class or jar, without the class path. Empty for a program that is not {@code java}.
     */
    static String jvmFlags(String cmdline) {
        String[] args = cmdline.split("\0");
        if (args.length == 0 || !args[0].endsWith("java")) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-jar") || !a.startsWith("-")) {
                break;
            }
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                i++;
                continue;
            }
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(a);
        }
        return b.toString();
    }
}
