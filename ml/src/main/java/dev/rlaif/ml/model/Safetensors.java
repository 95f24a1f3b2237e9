package dev.rlaif.ml.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The safetensors format by hand: an 8-byte little-endian header length, a JSON header of
 * {@code name -> {dtype, shape, data_offsets}}, then the raw little-endian bytes.
 *
 * <p>Read by hand rather than through {@code NDList.decode} so BF16 and F16 tensors become
 * float32 on the Java side (creating a BF16 NDArray aborts the JVM, DJL-NOTES) and files past 2 GB
 * are not one int-indexed array.
 */
public final class Safetensors {

    /** One float32 tensor in row-major order. */
    public record Tensor(long[] shape, float[] data) {
        public Tensor {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("shape does not match data length " + data.length);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Safetensors() {}

    public static Map<String, Tensor> read(Path file) throws IOException {
        return read(file, name -> true);
    }

    /** Reads the tensors whose names {@code keep} accepts; the others are never decoded. */
    public static Map<String, Tensor> read(Path file, java.util.function.Predicate<String> keep)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > 100_000_000L) {
                throw new IOException("not a safetensors file: header length " + headerLength);
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, 8);
            JsonNode header = JSON.readTree(new String(headerBytes.array(), java.nio.charset.StandardCharsets.UTF_8));
            long dataStart = 8 + headerLength;
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (var entry : header.properties()) {
                String name = entry.getKey();
                if (name.equals("__metadata__") || !keep.test(name)) {
                    continue;
                }
                JsonNode info = entry.getValue();
                String dtype = info.get("dtype").asString();
                long[] shape = new long[info.get("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = info.get("shape").get(i).asLong();
                }
                long begin = info.get("data_offsets").get(0).asLong();
                long end = info.get("data_offsets").get(1).asLong();
                ByteBuffer raw = ByteBuffer.allocate(Math.toIntExact(end - begin)).order(ByteOrder.LITTLE_ENDIAN);
                readFully(channel, raw, dataStart + begin);
                raw.flip();
                tensors.put(name, new Tensor(shape, toFloats(dtype, raw, name)));
            }
            return tensors;
        }
    }

    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        long offset = 0;
        for (var entry : tensors.entrySet()) {
            ObjectNode info = header.putObject(entry.getKey());
            info.put("dtype", "F32");
            var shape = info.putArray("shape");
            for (long d : entry.getValue().shape()) {
                shape.add(d);
            }
            long bytes = 4L * entry.getValue().data().length;
            info.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerJson = JSON.writeValueAsBytes(header);
        // pad the header with spaces so the data starts 8-byte aligned, as the reference writer does
        int padded = (headerJson.length + 7) / 8 * 8;
        byte[] headerBytes = java.util.Arrays.copyOf(headerJson, padded);
        java.util.Arrays.fill(headerBytes, headerJson.length, padded, (byte) ' ');
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(headerBytes);
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor tensor : tensors.values()) {
                for (float v : tensor.data()) {
                    if (!chunk.hasRemaining()) {
                        out.write(chunk.array(), 0, chunk.position());
                        chunk.clear();
                    }
                    chunk.putFloat(v);
                }
            }
            out.write(chunk.array(), 0, chunk.position());
        }
    }

    private static float[] toFloats(String dtype, ByteBuffer raw, String name) throws IOException {
        return switch (dtype) {
            case "F32" -> {
                float[] out = new float[raw.remaining() / 4];
                raw.asFloatBuffer().get(out);
                yield out;
            }
            case "F64" -> {
                float[] out = new float[raw.remaining() / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) raw.getDouble();
                }
                yield out;
            }
            case "BF16" -> {
                float[] out = new float[raw.remaining() / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.intBitsToFloat((raw.getShort() & 0xFFFF) << 16);
                }
                yield out;
            }
            case "F16" -> {
                float[] out = new float[raw.remaining() / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.float16ToFloat(raw.getShort());
                }
                yield out;
            }
            default -> throw new IOException("tensor " + name + " has unsupported dtype " + dtype);
        };
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                throw new IOException("unexpected end of safetensors file");
            }
            at += n;
        }
    }
}
