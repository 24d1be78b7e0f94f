package dev.kassa.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one OCI image per Kassa service with Jib, from the service's Quarkus fast-jar
 * ({@code <name>-service/target/quarkus-app}) to a tarball ({@code <out>/<name>-service.tar}), without a
 * Docker daemon. The layers follow Quarkus' own Jib extension (dependencies first, the application last);
 * the image runs as user 1001 with the JVM settings of {@code ./pos up}.
 *
 * <pre>Images --root DIR --base tar://base.tar|REGISTRY-IMAGE [--out DIR] [--tag TAG]
 *        [--jvm-opts "..."] [--java-release N] [SERVICE...]</pre>
 */
public final class Images {
    /** The services and the port each listens on (as in ./pos). */
    public static final Map<String, Integer> SERVICES = services();
    public static final String USER = "1001:1001";
    public static final String WORKDIR = "/work";
    public static final String DEFAULT_JVM_OPTS = "-XX:+UseSerialGC -Xms256m -Xmx512m -XX:+ExitOnOutOfMemoryError";

    private static Map<String, Integer> services() {
        Map<String, Integer> services = new LinkedHashMap<>();
        String[] names = {"account", "terminal", "masterdata", "cart", "report", "journal", "stock", "recommendation"};
        for (int i = 0; i < names.length; i++) {
            services.put(names[i], 8000 + i);
        }
        return Map.copyOf(services);
    }

    /** What goes into one image. */
    public record Spec(String service, int port, Path quarkusApp, String base, String tag, List<String> jvmOpts) {
        public String repository() {
            return "kassa/" + service + "-service";
        }

        public List<String> entrypoint() {
            List<String> entrypoint = new ArrayList<>();
            entrypoint.add("java");
            entrypoint.addAll(jvmOpts);
            entrypoint.add("-jar");
            entrypoint.add(WORKDIR + "/quarkus-run.jar");
            return entrypoint;
        }
    }

    private Images() {
    }

    /** The JVM options of the entrypoint: {@code opts}, plus the flag that quiets JDK 24+ about Netty's Unsafe. */
    public static List<String> jvmOpts(String opts, int javaRelease) {
        List<String> list = new ArrayList<>(Arrays.asList(opts.trim().split("\\s+")));
        list.removeIf(String::isEmpty);
        if (javaRelease >= 24) {
            list.add("--sun-misc-unsafe-memory-access=allow");
        }
        return list;
    }

    /** The build plan of one image; {@link #build} writes it. */
    public static JibContainerBuilder plan(Spec spec) throws InvalidImageReferenceException {
        Path app = spec.quarkusApp();
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalArgumentException(app + " holds no quarkus-run.jar: package the service first");
        }
        AbsoluteUnixPath work = AbsoluteUnixPath.get(WORKDIR);
        JibContainerBuilder builder = Jib.from(spec.base())
                .setFormat(ImageFormat.OCI)
                .setWorkingDirectory(work)
                .setUser(USER)
                .setEntrypoint(spec.entrypoint())
                .setProgramArguments(List.of())
                .addExposedPort(Port.tcp(spec.port()))
                .addEnvironmentVariable("KASSA_KEYS_DIR", "/etc/kassa/keys")
                .addEnvironmentVariable("QUARKUS_HTTP_PORT", Integer.toString(spec.port()))
                .addLabel("org.opencontainers.image.title", spec.repository())
                .addLabel("org.opencontainers.image.description", "Kassa " + spec.service() + " service")
                .addLabel("org.opencontainers.image.version", spec.tag())
                .addLabel("org.opencontainers.image.vendor", "Kassa")
                .addLabel("org.opencontainers.image.base.name",
                        spec.base().startsWith(Jib.TAR_IMAGE_PREFIX) ? "kassa/jre-base (deploy/images/base.sh)" : spec.base())
                .addLabel("dev.kassa.service", spec.service())
                .addLabel("dev.kassa.port", Integer.toString(spec.port()));
        // Least to most often changed, as Quarkus' Jib extension lays out a fast-jar.
        layer(builder, "boot-lib", app.resolve("lib/boot"), work.resolve("lib/boot"));
        layer(builder, "lib", app.resolve("lib/main"), work.resolve("lib/main"));
        builder.addFileEntriesLayer(FileEntriesLayer.builder().setName("quarkus-run.jar")
                .addEntry(app.resolve("quarkus-run.jar"), work.resolve("quarkus-run.jar")).build());
        layer(builder, "quarkus", app.resolve("quarkus"), work.resolve("quarkus"));
        layer(builder, "app", app.resolve("app"), work.resolve("app"));
        return builder;
    }

    private static void layer(JibContainerBuilder builder, String name, Path source, AbsoluteUnixPath target) {
        if (!Files.isDirectory(source)) {
            return;
        }
        try {
            builder.addFileEntriesLayer(FileEntriesLayer.builder().setName(name).addEntryRecursive(source, target).build());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes the image of {@code spec} as an OCI tarball; returns its path. */
    public static Path build(Spec spec, Path outDir, Path cacheDir) throws Exception {
        Files.createDirectories(outDir);
        Path tar = outDir.resolve(spec.service() + "-service.tar");
        Containerizer to = Containerizer.to(TarImage.at(tar).named(ImageReference.parse(spec.repository() + ":" + spec.tag())))
                .setToolName("kassa-images")
                .setBaseImageLayersCache(cacheDir.resolve("base"))
                .setApplicationLayersCache(cacheDir.resolve("app"))
                .setOfflineMode(spec.base().startsWith(Jib.TAR_IMAGE_PREFIX))
                .addEventHandler(LogEvent.class, e -> {
                    if (e.getLevel() == LogEvent.Level.ERROR || e.getLevel() == LogEvent.Level.WARN) {
                        System.err.println(spec.service() + ": " + e.getMessage());
                    }
                });
        plan(spec).containerize(to);
        return tar;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        Path out = null;
        String base = null;
        String tag = "1.0.0-SNAPSHOT";
        String opts = DEFAULT_JVM_OPTS;
        int javaRelease = 25;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--base" -> base = args[++i];
                case "--tag" -> tag = args[++i];
                case "--jvm-opts" -> opts = args[++i];
                case "--java-release" -> javaRelease = Integer.parseInt(args[++i]);
                default -> {
                    if (!SERVICES.containsKey(args[i])) {
                        System.err.println("images: unknown service or option " + args[i] + "; services: " + SERVICES.keySet());
                        System.exit(2);
                    }
                    names.add(args[i]);
                }
            }
        }
        if (base == null) {
            System.err.println("images: --base tar://FILE or a registry image (e.g. eclipse-temurin:25-jre) is required");
            System.exit(2);
        }
        if (out == null) {
            out = root.resolve("deploy/images/target/images");
        }
        if (names.isEmpty()) {
            names = SERVICES.keySet().stream().sorted((a, b) -> SERVICES.get(a) - SERVICES.get(b)).toList();
        }
        Path cache = root.resolve("deploy/images/target/jib-cache");
        for (String name : names) {
            long began = System.nanoTime();
            Spec spec = new Spec(name, SERVICES.get(name), root.resolve(name + "-service/target/quarkus-app"), base, tag,
                    jvmOpts(opts, javaRelease));
            Path tar = build(spec, out, cache);
            List<String> problems = ImageCheck.check(ImageCheck.read(tar), name, SERVICES.get(name));
            System.out.printf("%-30s %s (%d MB, %.1f s)%n", spec.repository() + ":" + tag, tar, Files.size(tar) >> 20,
                    Duration.ofNanos(System.nanoTime() - began).toMillis() / 1000.0);
            if (!problems.isEmpty()) {
                System.err.println("images: " + name + ": " + problems);
                System.exit(1);
            }
        }
    }
}
