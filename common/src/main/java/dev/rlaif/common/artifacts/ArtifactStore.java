package dev.rlaif.common.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The shared artifact store: a directory (a shared volume or PVC in production) where checkpoints and
 * generated datasets live under {@code runs/<runId>/<name>}. Services record the relative path and the
 * SHA-256 of what they wrote, and check it before reading.
 */
public final class ArtifactStore {

    private final Path root;

    public ArtifactStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The directory for one artifact of a run, created if needed. */
    public Path directory(UUID runId, String name) {
        Path dir = resolve(relative(runId, name));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create artifact directory " + dir, e);
        }
        return dir;
    }

    public static String relative(UUID runId, String name) {
        if (name.contains("..")) {
            throw new IllegalArgumentException("artifact names must not contain '..': " + name);
        }
        return "runs/" + runId + "/" + name;
    }

    /** Resolves a path recorded by {@link #relative}; refuses anything outside the store. */
    public Path resolve(String relativePath) {
        Path path = root.resolve(relativePath).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("artifact path escapes the store: " + relativePath);
        }
        return path;
    }

    /** SHA-256 of a file, or of a directory's files (relative names and contents, in name order). */
    public static String sha256(Path path) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(path);
            }
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                digest.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hash " + path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
