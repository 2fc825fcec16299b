package com.retentionadvisor.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps rule code away from the host. Rules run inside the service, and a rule file is code: before anything is
 * compiled, every DRL (and the DRL made from every decision table) is read for what it may touch. Rules may use the
 * advisor's fact classes, {@code java.time}, {@code java.math} and the collections of {@code java.util}; a rule that
 * names files, sockets, processes, threads, class loading or reflection, or the JVM itself ({@code System},
 * {@code Runtime}), is refused, whatever the dialect. So is code that need not end: a {@code while}, {@code do} or
 * counting {@code for} loop, and a function that calls itself (directly or through others); walking a collection is
 * allowed. Comments and string literals are not code and are not read.
 */
final class RuleSandbox {

    /** What an import or a fully qualified name may start with. */
    private static final List<String> ALLOWED_PACKAGES = List.of(
            "com.retentionadvisor.facts.", "com.retentionadvisor.rules.", "com.retentionadvisor.contacts.",
            "com.retentionadvisor.customers.", "java.time.", "java.math.", "java.util.", "java.lang.Math",
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Boolean");

    /** Parts of java.util that reach threads, class loading, files or the logging set-up. */
    private static final List<String> REFUSED_PACKAGES = List.of(
            "java.util.concurrent", "java.util.stream", "java.util.logging", "java.util.prefs", "java.util.jar", "java.util.zip",
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
    // A loop keyword as a word of its own: "while", "for" and MVEL's "until" with their parenthesis, "do" and its block
    // (not DRL's do[name]).
    private static final Pattern LOOP = Pattern.compile("(?<![\\w$.])(?:(while|for|until)\\s*\\(|(do)\\s*\\{)");
    // Code that can hide a loop from the words above: a lambda, an anonymous class (an Iterable that never ends), and a
    // unicode escape in code, which the compiler reads as the letter it stands for.
    private static final Pattern HIDDEN_CODE = Pattern.compile("->|\\bnew\\s+[\\w$.<>, ]+\\([^()]*\\)\\s*\\{|\\\\u[0-9a-fA-F]{4}");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*function\\s+[\\w$.<>\\[\\], ]+?\\s+([A-Za-z_$][\\w$]*)\\s*\\(");

    private RuleSandbox() {
    }

    /** Something the rule code may not do, at a line and column (from 1) of the DRL read. */
    record Finding(int line, int column, String message) {
    }

    /**
     * What the rule code may not do, in the order it appears, or nothing. For a table, the DRL is the one made from
     * it, and the line is the generated one: the caller tells it in the table's rows.
     */
    static List<Finding> check(String drl) {
        String code = codeOnly(drl);
        List<Finding> findings = new ArrayList<>();
        List<int[]> imports = new ArrayList<>();
        Matcher importMatcher = IMPORT.matcher(code);
        while (importMatcher.find()) {
            String name = importMatcher.group(1);
            imports.add(new int[] {importMatcher.start(), importMatcher.end()});
            if (!allowed(name)) {
                findings.add(at(drl, importMatcher.start(1), "the import of " + name
                        + " is refused: rules may use the advisor's facts, java.time, java.math and java.util collections"));
            }
        }
        Matcher qualified = QUALIFIED_NAME.matcher(code);
        while (qualified.find()) {
            if (insideAny(qualified.start(), imports)) {
                continue;
            }
            String name = qualified.group().replaceAll("\\s+", "");
            if (!allowed(name)) {
                findings.add(at(drl, qualified.start(), name
                        + " is refused: rules may use the advisor's facts, java.time, java.math and java.util collections"));
            }
        }
        Matcher identifier = IDENTIFIER.matcher(code);
        while (identifier.find()) {
            if (REFUSED_NAMES.contains(identifier.group()) && !insideAny(identifier.start(), imports)) {
                findings.add(at(drl, identifier.start(), "'" + identifier.group()
                        + "' is refused: rules may not reach files, the network, processes, threads, class loading or the JVM"));
            }
        }
        Matcher classLiteral = CLASS_LITERAL.matcher(code);
        while (classLiteral.find()) {
            findings.add(at(drl, classLiteral.start(), "'.class' is refused: rules may not use reflection"));
        }
        Matcher hidden = HIDDEN_CODE.matcher(code);
        while (hidden.find()) {
            findings.add(at(drl, hidden.start(), "'" + hidden.group().strip() + "' is refused: lambdas, anonymous classes and"
                    + " unicode escapes can hide a loop that need not end; write the code out in the consequence"));
        }
        findings.addAll(unboundedLoops(drl, code));
        findings.addAll(recursion(drl, code));
        findings.sort(java.util.Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
        return findings;
    }

    /**
     * Loops that need not end: {@code while}, {@code do} and a counting {@code for}. A rule or function that must walk
     * something walks a collection ({@code for (Contact c : contacts)}), which ends; anything else may spin a core
     * forever for one customer.
     */
    private static List<Finding> unboundedLoops(String drl, String code) {
        List<Finding> findings = new ArrayList<>();
        Matcher loop = LOOP.matcher(code);
        while (loop.find()) {
            String keyword = loop.group(1) != null ? loop.group(1) : loop.group(2);
            int start = loop.group(1) != null ? loop.start(1) : loop.start(2);
            if (keyword.equals("for")) {
                String header = parenthesised(code, loop.end() - 1);
                if (header != null && !header.contains(";") && header.contains(":")) {
                    continue;
                }
            }
            findings.add(at(drl, start, "'" + keyword + "' is refused: a loop that need not end may stop the"
                    + " advice of a customer for good; walk a collection instead (for (Contact contact : contacts))"));
        }
        return findings;
    }

    /** Functions that call themselves, directly or through one another: recursion need not end either. */
    private static List<Finding> recursion(String drl, String code) {
        Map<String, int[]> bodies = new LinkedHashMap<>();
        Map<String, Integer> declaredAt = new LinkedHashMap<>();
        Matcher function = FUNCTION.matcher(code);
        while (function.find()) {
            int open = code.indexOf('{', function.end());
            int close = open < 0 ? -1 : closingBrace(code, open);
            if (close > open) {
                bodies.put(function.group(1), new int[] {open, close});
                declaredAt.put(function.group(1), function.start(1));
            }
        }
        Map<String, Set<String>> calls = new HashMap<>();
        for (Map.Entry<String, int[]> body : bodies.entrySet()) {
            String text = code.substring(body.getValue()[0], body.getValue()[1]);
            Set<String> called = new java.util.HashSet<>();
            for (String other : bodies.keySet()) {
                if (Pattern.compile("(?<![\\w$.])" + Pattern.quote(other) + "\\s*\\(").matcher(text).find()) {
                    called.add(other);
                }
            }
            calls.put(body.getKey(), called);
        }
        List<Finding> findings = new ArrayList<>();
        for (String name : bodies.keySet()) {
            List<String> cycle = cycleFrom(name, calls);
            if (!cycle.isEmpty()) {
                String how = cycle.size() == 1 ? "it calls itself" : "it calls itself through " + String.join(", ", cycle.subList(1, cycle.size()));
                findings.add(at(drl, declaredAt.get(name), "the function '" + name + "' is refused: " + how
                        + ", and recursion need not end; walk a collection instead"));
            }
        }
        return findings;
    }

    // The path of calls that leads from the function back to itself (the function first), or nothing.
    private static List<String> cycleFrom(String start, Map<String, Set<String>> calls) {
        java.util.Deque<List<String>> paths = new java.util.ArrayDeque<>();
        paths.add(List.of(start));
        Set<String> seen = new java.util.HashSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.poll();
            for (String next : calls.getOrDefault(path.get(path.size() - 1), Set.of())) {
                if (next.equals(start)) {
                    return path;
                }
                if (seen.add(next)) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    paths.add(longer);
                }
            }
        }
        return List.of();
    }

    // The text between the parenthesis at {@code open} and its match, or null when it is not closed.
    private static String parenthesised(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return code.substring(open + 1, i);
            }
        }
        return null;
    }

    private static int closingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
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

    private static Finding at(String drl, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (drl.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Finding(line, offset - lineStart + 1, message);
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
