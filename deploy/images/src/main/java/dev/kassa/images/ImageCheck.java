package dev.kassa.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads an image tarball (OCI layout: index.json, blobs/sha256; or docker-save: manifest.json) down to its
 * configuration and the files of its layers, and checks what a Kassa service image must be.
 */
public final class ImageCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The files of the layers already read, by digest: the eight images share their base layers. */
    private static final Map<String, Set<String>> LAYER_FILES = new java.util.concurrent.ConcurrentHashMap<>();
    public static final List<String> REQUIRED_JVM_OPTS =
            List.of("-XX:+UseSerialGC", "-Xms256m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

    /** What a test or an operator wants to know of an image. */
    public record Image(String user, List<String> entrypoint, Set<String> exposedPorts, Map<String, String> labels,
                        List<String> env, String workingDir, Set<String> files) {
    }

    private ImageCheck() {
    }

    public static Image read(Path tarball) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) {
                    entries.put(strip(e.getName()), tar.readAllBytes());
                }
            }
        }
        JsonNode config;
        Set<String> files = new HashSet<>();
        List<byte[]> layers = new ArrayList<>();
        if (entries.containsKey("index.json")) {
            JsonNode index = JSON.readTree(entries.get("index.json"));
            JsonNode manifest = JSON.readTree(blob(entries, index.path("manifests").path(0).path("digest").asText()));
            config = JSON.readTree(blob(entries, manifest.path("config").path("digest").asText()));
            for (JsonNode layer : manifest.path("layers")) {
                String digest = layer.path("digest").asText();
                Set<String> known = LAYER_FILES.get(digest);
                if (known == null) {
                    known = layerFiles(blob(entries, digest));
                    LAYER_FILES.put(digest, known);
                }
                files.addAll(known);
            }
        } else if (entries.containsKey("manifest.json")) {
            JsonNode manifest = JSON.readTree(entries.get("manifest.json")).path(0);
            config = JSON.readTree(need(entries, manifest.path("Config").asText()));
            for (JsonNode layer : manifest.path("Layers")) {
                layers.add(need(entries, layer.asText()));
            }
        } else {
            throw new IOException(tarball + " is neither an OCI layout nor a docker-save tarball");
        }
        JsonNode c = config.path("config");
        List<String> entrypoint = new ArrayList<>();
        c.path("Entrypoint").forEach(n -> entrypoint.add(n.asText()));
        Set<String> ports = new HashSet<>();
        c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        Map<String, String> labels = new TreeMap<>();
        c.path("Labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        List<String> env = new ArrayList<>();
        c.path("Env").forEach(n -> env.add(n.asText()));
        for (byte[] layer : layers) {
            files.addAll(layerFiles(layer));
        }
        return new Image(c.path("User").asText(""), entrypoint, ports, labels, env, c.path("WorkingDir").asText(""), files);
    }

    private static String strip(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    private static byte[] blob(Map<String, byte[]> entries, String digest) throws IOException {
        return need(entries, "blobs/" + digest.replace(':', '/'));
    }

    private static byte[] need(Map<String, byte[]> entries, String name) throws IOException {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IOException("the image tarball lacks " + name);
        }
        return bytes;
    }

    /** The paths (files and links, without a leading slash) of one layer, gzipped or not. */
    private static Set<String> layerFiles(byte[] layer) throws IOException {
        InputStream in = new ByteArrayInputStream(layer);
        if (layer.length > 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b) {
            in = new GZIPInputStream(in);
        }
        Set<String> files = new HashSet<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (!e.isDirectory()) {
                    String name = strip(e.getName());
                    files.add(name.startsWith("/") ? name.substring(1) : name);
                }
            }
        }
        return files;
    }

    /** What is wrong with {@code image} as the image of {@code service} listening on {@code port}; empty when nothing. */
    public static List<String> check(Image image, String service, int port) {
        List<String> problems = new ArrayList<>();
        String user = image.user();
        String uid = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        if (uid.isEmpty() || uid.equals("0") || uid.equals("root")) {
            problems.add("runs as root (User '" + user + "')");
        }
        List<String> entrypoint = image.entrypoint();
        if (entrypoint.isEmpty() || !entrypoint.get(0).equals("java")) {
            problems.add("entrypoint does not start java: " + entrypoint);
        } else {
            for (String opt : REQUIRED_JVM_OPTS) {
                if (!entrypoint.contains(opt)) {
                    problems.add("entrypoint lacks " + opt);
                }
            }
            int jar = entrypoint.indexOf("-jar");
            if (jar < 0 || jar + 1 >= entrypoint.size()) {
                problems.add("entrypoint runs no jar: " + entrypoint);
            } else {
                String path = entrypoint.get(jar + 1);
                String absolute = path.startsWith("/") ? path : image.workingDir() + "/" + path;
                if (!image.files().contains(absolute.substring(1))) {
                    problems.add("entrypoint runs " + absolute + ", which is not in the image");
                }
            }
            if (!javaOnPath(image)) {
                problems.add("no java on the image's PATH");
            }
        }
        if (!image.exposedPorts().equals(Set.of(port + "/tcp"))) {
            problems.add("exposes " + image.exposedPorts() + " instead of " + port + "/tcp");
        }
        Map<String, String> labels = image.labels();
        expectLabel(problems, labels, "org.opencontainers.image.title", "kassa/" + service + "-service");
        expectLabel(problems, labels, "dev.kassa.service", service);
        expectLabel(problems, labels, "dev.kassa.port", Integer.toString(port));
        for (String label : List.of("org.opencontainers.image.version", "org.opencontainers.image.description",
                "org.opencontainers.image.vendor")) {
            if (labels.getOrDefault(label, "").isBlank()) {
                problems.add("label " + label + " is missing");
            }
        }
        return problems;
    }

    private static void expectLabel(List<String> problems, Map<String, String> labels, String key, String value) {
        if (!value.equals(labels.get(key))) {
            problems.add("label " + key + " is '" + labels.get(key) + "', expected '" + value + "'");
        }
    }

    private static boolean javaOnPath(Image image) {
        for (String env : image.env()) {
            if (env.startsWith("PATH=")) {
                for (String dir : env.substring(5).split(":")) {
                    String java = (dir.startsWith("/") ? dir.substring(1) : dir) + "/java";
                    if (image.files().contains(java)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
