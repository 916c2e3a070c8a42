package org.jpatch.core.nmodl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jpatch.core.mech.MechanismKernel;

/**
 * Compiles generated kernel source in memory with the JDK's compiler (javax.tools) and
 * loads it in a class loader of its own: no C compiler, no dependency. Compiled classes
 * come from, and go to, a {@link KernelCache} when one is given.
 */
final class KernelCompiler {
    private KernelCompiler() {
    }

    /** A factory of fresh kernels of the compiled class, taken from the cache when it holds this source. */
    static Supplier<MechanismKernel> compile(String simpleName, String source, KernelCache cache) {
        String className = KernelGenerator.PACKAGE + "." + simpleName;
        Map<String, byte[]> classes = cache.lookup(source);
        if (classes == null) {
            classes = compileToClassFiles(className, source);
            cache.store(source, classes);
        }
        return load(className, classes);
    }

    /** The class files (by binary name) javac makes of the source. */
    static Map<String, byte[]> compileToClassFiles(String className, String source) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime: jpatch needs a JDK, not a JRE, "
                    + "to load .mod files");
        }
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(null, null, null);
        JavaFileManager memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(
                URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of("-classpath", engineClassPath(), "-proc:none", "-g:none", "-nowarn");
        boolean ok = compiler.getTask(diagnostics, memory, null, options, null, List.of(unit)).call();
        if (!ok) {
            // the generator's fault, not the user's: show both so it can be fixed
            throw new IllegalStateException("generated kernel does not compile:\n" + diagnostics + "\n" + source);
        }
        Map<String, byte[]> classFiles = new HashMap<>();
        classes.forEach((name, bytes) -> classFiles.put(name, bytes.toByteArray()));
        return classFiles;
    }

    private static Supplier<MechanismKernel> load(String className, Map<String, byte[]> classes) {
        ClassLoader loader = new ClassLoader(MechanismKernel.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        try {
            Constructor<? extends MechanismKernel> constructor = loader.loadClass(className)
                    .asSubclass(MechanismKernel.class).getConstructor();
            return () -> {
                try {
                    return constructor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where java-core's classes are, so generated code can extend MechanismKernel. */
    static String engineClassPath() {
        try {
            return Path.of(MechanismKernel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
