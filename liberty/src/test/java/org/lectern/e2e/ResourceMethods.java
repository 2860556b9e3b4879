package org.lectern.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;

/**
 * Every JAX-RS resource method of the application, found by reflection over Lectern's classes on
 * the test classpath (the WAR's own classes and the modules' jars): its HTTP method, its path under
 * {@code /api} with each template filled in, and the access it declares. Sub-resource locators are
 * followed to the methods of the class they return.
 */
final class ResourceMethods {

    /** One method: e.g. {@code POST api/publishing/rebuild}, declared {@code @RolesAllowed("admin")}. */
    record Endpoint(String httpMethod, String path, String template, String declared, Method method) {
        @Override
        public String toString() {
            return httpMethod + " /" + template + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + ", " + declared + ")";
        }
    }

    private ResourceMethods() {
    }

    static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> root : rootResources()) {
            walk(root, "api/" + trim(root.getAnnotation(jakarta.ws.rs.Path.class).value()), endpoints);
        }
        endpoints.sort(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::httpMethod));
        return endpoints;
    }

    /** The simple names of the root resource classes found (to check that the scan saw them all). */
    static Set<String> rootResourceNames() {
        Set<String> names = new TreeSet<>();
        rootResources().forEach(c -> names.add(c.getSimpleName()));
        return names;
    }

    private static void walk(Class<?> resource, String prefix, List<Endpoint> into) {
        for (Method method : resource.getDeclaredMethods()) {
            jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
            String template = sub == null ? prefix : prefix + "/" + trim(sub.value());
            String http = httpMethod(method);
            if (http != null) {
                into.add(new Endpoint(http, fill(template), template, declared(method, resource), method));
            } else if (sub != null) {
                walk(method.getReturnType(), template, into); // a sub-resource locator
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** What the method declares, else its class: "admin", "editor", "everyone", "nobody" or "nothing". */
    private static String declared(Method method, Class<?> resource) {
        for (java.lang.reflect.AnnotatedElement e : List.of(method, resource)) {
            if (e.isAnnotationPresent(DenyAll.class)) {
                return "nobody";
            }
            if (e.isAnnotationPresent(PermitAll.class)) {
                return "everyone";
            }
            RolesAllowed roles = e.getAnnotation(RolesAllowed.class);
            if (roles != null) {
                return String.join(",", roles.value());
            }
        }
        return "nothing";
    }

    /** Path templates filled with a value every parameter type takes (a UUID is also a string). */
    private static String fill(String template) {
        return template.replaceAll("\\{[^}]+\\}", "00000000-0000-4000-8000-000000000000");
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static List<Class<?>> rootResources() {
        List<Class<?>> roots = new ArrayList<>();
        for (String className : lecternClasses()) {
            Class<?> type;
            try {
                type = Class.forName(className, false, ResourceMethods.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // test fixtures and classes needing the server's libraries
            }
            if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                roots.add(type);
            }
        }
        return roots;
    }

    /** The classes under org/lectern/ in every directory and jar of the classpath, tests excepted. */
    private static Set<String> lecternClasses() {
        Set<String> names = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path place = Path.of(entry);
            if (entry.contains("test-classes")) {
                continue;
            }
            try {
                if (Files.isDirectory(place)) {
                    Path base = place.resolve("org/lectern");
                    if (Files.isDirectory(base)) {
                        try (Stream<Path> files = Files.walk(base)) {
                            files.map(p -> place.relativize(p).toString()).forEach(n -> add(n, names));
                        }
                    }
                } else if (entry.endsWith(".jar") && Files.isRegularFile(place)) {
                    try (JarFile jar = new JarFile(place.toFile())) {
                        jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("org/lectern/")).forEach(n -> add(n, names));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static void add(String file, Set<String> names) {
        if (file.endsWith(".class") && !file.contains("$")) {
            names.add(file.substring(0, file.length() - ".class".length()).replace(File.separatorChar, '.').replace('/', '.'));
        }
    }

}
