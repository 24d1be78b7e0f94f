package dev.kassa.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image of a service, built by the same code as {@code ./pos images} (Jib to an OCI tarball), read back
 * from the tarball: user, entrypoint, exposed port, labels, and that the entrypoint's java and jar are in
 * the image. A small fast-jar and base stand in for the real ones so the suite builds no 100 MB images;
 * the images {@code ./pos images} wrote are checked too when they are there.
 */
class ImageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path app;
    static Path base;

    @BeforeAll
    static void fastJarAndBase() throws Exception {
        app = dir.resolve("quarkus-app");
        write(app.resolve("quarkus-run.jar"), "run");
        write(app.resolve("lib/boot/boot.jar"), "boot");
        write(app.resolve("lib/main/dependency.jar"), "dependency");
        write(app.resolve("app/cart-service.jar"), "app");
        write(app.resolve("quarkus/generated-bytecode.jar"), "generated");
        base = dockerSaveBase(dir.resolve("base.tar"), "/opt/java/openjdk/bin");
    }

    private static void write(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    /** A base image as base.sh writes one: a docker-save tarball of one layer with java in {@code javaDir}. */
    static Path dockerSaveBase(Path tar, String javaDir) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("etc/passwd", "root:x:0:0::/root:/sbin/nologin\nkassa:x:1001:1001::/work:/sbin/nologin\n");
        files.put(javaDir.substring(1) + "/java", "#!/bin/sh\n");
        byte[] layer = tar(files);
        String diffId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(layer));
        Map<String, Object> config = Map.of("architecture", "amd64", "os", "linux",
                "config", Map.of("Env", List.of("PATH=/opt/java/openjdk/bin:/usr/bin:/bin")),
                "rootfs", Map.of("type", "layers", "diff_ids", List.of("sha256:" + diffId)));
        Map<String, byte[]> image = new LinkedHashMap<>();
        image.put("manifest.json", JSON.writeValueAsBytes(List.of(
                Map.of("Config", "config.json", "RepoTags", List.of("test/base:1"), "Layers", List.of("layer.tar")))));
        image.put("config.json", JSON.writeValueAsBytes(config));
        image.put("layer.tar", layer);
        try (OutputStream out = Files.newOutputStream(tar)) {
            out.write(tarBytes(image));
        }
        return tar;
    }

    private static byte[] tar(Map<String, String> files) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return tarBytes(bytes);
    }

    private static byte[] tarBytes(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                entry.setMode(0755);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
        return buffer.toByteArray();
    }

    private static Images.Spec cart(Path baseTar) {
        return new Images.Spec("cart", 8003, app, "tar://" + baseTar, "9.9.9",
                Images.jvmOpts(Images.DEFAULT_JVM_OPTS, 25));
    }

    @Test
    void theImageRunsTheFastJarAsUser1001WithThePerformanceFlagsOnItsPort() throws Exception {
        Path tar = Images.build(cart(base), dir.resolve("out"), dir.resolve("cache"));
        ImageCheck.Image image = ImageCheck.read(tar);

        assertEquals("1001:1001", image.user());
        assertEquals(List.of("java", "-XX:+UseSerialGC", "-Xms256m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "--sun-misc-unsafe-memory-access=allow", "-jar", "/work/quarkus-run.jar"), image.entrypoint());
        assertEquals(Set.of("8003/tcp"), image.exposedPorts());
        assertEquals("kassa/cart-service", image.labels().get("org.opencontainers.image.title"));
        assertEquals("9.9.9", image.labels().get("org.opencontainers.image.version"));
        assertEquals("cart", image.labels().get("dev.kassa.service"));
        assertTrue(image.files().containsAll(Set.of("work/quarkus-run.jar", "work/lib/boot/boot.jar",
                "work/lib/main/dependency.jar", "work/app/cart-service.jar", "work/quarkus/generated-bytecode.jar",
                "opt/java/openjdk/bin/java", "etc/passwd")), image.files().toString());
        assertEquals(List.of(), ImageCheck.check(image, "cart", 8003));
    }

    @Test
    void theCheckReportsARootUserAMissingFlagAWrongPortAndMissingLabels() throws Exception {
        ImageCheck.Image good = ImageCheck.read(Images.build(cart(base), dir.resolve("out2"), dir.resolve("cache")));
        List<String> noXmx = new ArrayList<>(good.entrypoint());
        noXmx.remove("-Xmx512m");
        Map<String, String> noTitle = new TreeMap<>(good.labels());
        noTitle.remove("org.opencontainers.image.title");
        noTitle.remove("org.opencontainers.image.vendor");
        ImageCheck.Image bad = new ImageCheck.Image("0", noXmx, Set.of("8080/tcp"), noTitle, good.env(),
                good.workingDir(), good.files());

        assertEquals(List.of("runs as root (User '0')", "entrypoint lacks -Xmx512m",
                "exposes [8080/tcp] instead of 8003/tcp",
                "label org.opencontainers.image.title is 'null', expected 'kassa/cart-service'",
                "label org.opencontainers.image.vendor is missing"), ImageCheck.check(bad, "cart", 8003));
        assertEquals(List.of("runs as root (User '')"), ImageCheck.check(
                new ImageCheck.Image("", good.entrypoint(), good.exposedPorts(), good.labels(), good.env(),
                        good.workingDir(), good.files()), "cart", 8003));
        // the same image checked as another service's: its port and labels are not that service's
        assertEquals(4, ImageCheck.check(good, "stock", 8006).size(), ImageCheck.check(good, "stock", 8006).toString());
    }

    @Test
    void anImageWhoseBaseHasNoJavaOnThePathIsRejected() throws Exception {
        Path noJava = dockerSaveBase(dir.resolve("nojava.tar"), "/usr/local/jdk/bin");
        ImageCheck.Image image = ImageCheck.read(Images.build(cart(noJava), dir.resolve("out3"), dir.resolve("cache")));
        assertEquals(List.of("no java on the image's PATH"), ImageCheck.check(image, "cart", 8003));
    }

    /** The eight images of the last `./pos images`, when there are any (the suite does not build them). */
    @Test
    void theImagesOfPosImagesAreRight() throws Exception {
        Path images = Path.of(System.getProperty("kassa.root", "../.."), "deploy/images/target/images");
        assumeTrue(Files.isDirectory(images), "no images built; ./pos images builds them");
        int checked = 0;
        for (Map.Entry<String, Integer> service : new TreeMap<>(Images.SERVICES).entrySet()) {
            Path tar = images.resolve(service.getKey() + "-service.tar");
            if (Files.isRegularFile(tar)) {
                ImageCheck.Image image = ImageCheck.read(tar);
                assertEquals(List.of(), ImageCheck.check(image, service.getKey(), service.getValue()), tar.toString());
                assertTrue(image.files().contains("opt/java/openjdk/bin/java") || image.env().toString().contains("java"));
                checked++;
            }
        }
        assumeTrue(checked > 0, "no images built; ./pos images builds them");
    }
}
