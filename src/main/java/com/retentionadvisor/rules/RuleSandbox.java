package com.retentionadvisor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps rule code away from the host. Rules run inside the service, and a rule file is code: before anything is
 * compiled, every DRL (and the DRL made from every decision table) is read for what it may touch. Rules may use the
 * advisor's fact classes, {@code java.time}, {@code java.math} and the collections of {@code java.util}; a rule that
 * names files, sockets, processes, threads, class loading or reflection, or the JVM itself ({@code System},
 * {@code Runtime}), is refused, whatever the dialect. Comments and string literals are not code and are not read.
 */
final class RuleSandbox {

    /** What an import or a fully qualified name may start with. */
    private static final List<String> ALLOWED_PACKAGES = List.of(
            "com.retentionadvisor.facts.", "com.retentionadvisor.rules.", "com.retentionadvisor.contacts.",
            "com.retentionadvisor.customers.", "java.time.", "java.math.", "java.util.", "java.lang.Math",
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Boolean");

    /** Parts of java.util that reach threads, class loading, files or the logging set-up. */
    private static final List<String> REFUSED_PACKAGES = List.of(
            "java.util.concurrent", "java.util.logging", "java.util.prefs", "java.util.jar", "java.util.zip",
            "java.util.ServiceLoader", "java.util.Scanner", "java.util.spi", "java.util.random.RandomGenerator");

    /** Names that reach the host however they are imported or written. */
    private static final Set<String> REFUSED_NAMES = Set.of(
            "System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "Thread", "ThreadGroup",
            "Executors", "ExecutorService", "ForkJoinPool", "CompletableFuture", "Timer",
            "Class", "ClassLoader", "forName", "getClass", "getClassLoader", "loadClass", "defineClass",
            "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getDeclaredField",
            "getDeclaredFields", "getConstructor", "getDeclaredConstructor", "setAccessible", "newInstance",
            "MethodHandles", "MethodHandle", "Unsafe", "ServiceLoader", "ScriptEngine", "ScriptEngineManager",
            "File", "Files", "Path", "Paths", "FileSystem", "FileSystems", "FileReader", "FileWriter",
            "FileInputStream", "FileOutputStream", "RandomAccessFile", "ObjectInputStream", "ObjectOutputStream",
            "Socket", "ServerSocket", "DatagramSocket", "SocketChannel", "URL", "URI", "URLConnection",
            "HttpURLConnection", "HttpClient", "InetAddress", "exec", "exit", "halt", "getenv", "getProperty",
            "setProperty", "load", "loadLibrary");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:function\\s+|static\\s+)?([\\w$.*]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "(?<![\\w$.])(?:java|javax|jdk|sun|com|org|io|jakarta|net|groovy|kotlin|scala)(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class\\b");

    private RuleSandbox() {
    }

    /**
     * What the rule code at {@code path} may not do, one line each ("path:line:column: …"), or nothing. For a table,
     * {@code path} is the table's and the line is that of the DRL made from it, which the message quotes.
     */
    static List<String> check(String path, String drl, boolean fromTable) {
        String code = codeOnly(drl);
        List<String> problems = new ArrayList<>();
        List<int[]> imports = new ArrayList<>();
        Matcher importMatcher = IMPORT.matcher(code);
        while (importMatcher.find()) {
            String name = importMatcher.group(1);
            imports.add(new int[] {importMatcher.start(), importMatcher.end()});
            if (!allowed(name)) {
                problems.add(at(path, drl, importMatcher.start(1), fromTable) + "the import of " + name
                        + " is refused: rules may use the advisor's facts, java.time, java.math and java.util collections");
            }
        }
        Matcher qualified = QUALIFIED_NAME.matcher(code);
        while (qualified.find()) {
            if (insideAny(qualified.start(), imports)) {
                continue;
            }
            String name = qualified.group().replaceAll("\\s+", "");
            if (!allowed(name)) {
                problems.add(at(path, drl, qualified.start(), fromTable) + name
                        + " is refused: rules may use the advisor's facts, java.time, java.math and java.util collections");
            }
        }
        Matcher identifier = IDENTIFIER.matcher(code);
        while (identifier.find()) {
            if (REFUSED_NAMES.contains(identifier.group()) && !insideAny(identifier.start(), imports)) {
                problems.add(at(path, drl, identifier.start(), fromTable) + "'" + identifier.group()
                        + "' is refused: rules may not reach files, the network, processes, threads, class loading or the JVM");
            }
        }
        Matcher classLiteral = CLASS_LITERAL.matcher(code);
        while (classLiteral.find()) {
            problems.add(at(path, drl, classLiteral.start(), fromTable) + "'.class' is refused: rules may not use reflection");
        }
        return problems;
    }

    private static boolean allowed(String name) {
        for (String refused : REFUSED_PACKAGES) {
            if (name.startsWith(refused)) {
                return false;
            }
        }
        return ALLOWED_PACKAGES.stream().anyMatch(prefix -> name.startsWith(prefix) || (prefix.endsWith(".") && (name + ".").equals(prefix)));
    }

    private static boolean insideAny(int offset, List<int[]> ranges) {
        for (int[] range : ranges) {
            if (offset >= range[0] && offset < range[1]) {
                return true;
            }
        }
        return false;
    }

    private static String at(String path, String drl, int offset, boolean fromTable) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (drl.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        if (fromTable) {
            int lineEnd = drl.indexOf('\n', offset);
            String generated = drl.substring(lineStart, lineEnd < 0 ? drl.length() : lineEnd).strip();
            return path + ": in the rule code made from the table, \"" + generated + "\": ";
        }
        return path + ":" + line + ":" + (offset - lineStart + 1) + ": ";
    }

    /** The text with comments and string literals blanked out (same length, same lines), so that only code is read. */
    static String codeOnly(String drl) {
        StringBuilder code = new StringBuilder(drl);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            char next = i + 1 < code.length() ? code.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                i = blank(code, i, code.indexOf("\n", i));
            } else if (c == '/' && next == '*') {
                int end = code.indexOf("*/", i + 2);
                i = blank(code, i, end < 0 ? -1 : end + 2);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < code.length() && code.charAt(end) != c && code.charAt(end) != '\n') {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                i = blank(code, i, Math.min(end + 1, code.length()));
            } else {
                i++;
            }
        }
        return code.toString();
    }

    // Blanks [from, to) keeping line breaks; to < 0 means to the end. Returns where reading goes on.
    private static int blank(StringBuilder code, int from, int to) {
        int end = to < 0 ? code.length() : to;
        for (int i = from; i < end; i++) {
            if (code.charAt(i) != '\n') {
                code.setCharAt(i, ' ');
            }
        }
        return end;
    }
}
