package org.jpatch.core.hoc;

import java.util.List;

/**
 * The names NEURON 9.0.2's {@code dir(h)} lists that jpatch's {@code h} does not provide, each with
 * the reason (the dir(h) test in tests-python/test_neuron_module.py counts them against NEURON).
 */
final class NotProvided {
    private NotProvided() {}

    /** hoc's statements and declarations: names of the language, reachable only from hoc code. */
    private static final List<String> HOC_KEYWORDS = List.of("access", "begintemplate", "break", "connect",
            "continue", "create", "debug", "delete", "depvar", "double", "else", "endtemplate", "eqn", "external",
            "for", "forall", "forsec", "func", "help", "if", "ifsec", "insert", "iterator", "iterator_statement",
            "local", "localobj", "new", "obfunc", "objectvar", "objref", "print", "proc", "public", "read",
            "return", "stop", "strdef", "uninsert", "while");

    /** The InterViews GUI: windows, menus, panels and plots. */
    private static final List<String> GUI = List.of("Deck", "Glyph", "Graph", "HBox", "PPShape", "PWManager",
            "PlotShape", "RangeVarPlot", "SectionBrowser", "Shape", "SymChooser", "TextEditor", "VBox",
            "ValueFieldEditor", "axis", "boolean_dialog", "continue_dialog", "doEvents", "doNotify", "graph",
            "graphmode", "ivoc_style", "lw", "nrnallpointmenu", "nrnallsectionmenu", "nrnglobalmechmenu",
            "nrnmechmenu", "nrnpointmenu", "nrnsecmenu", "plot", "plotx", "ploty", "plt", "print_session",
            "pwman_place", "regraph", "save_session", "setcolor", "show_winio", "string_dialog", "xbutton",
            "xcheckbox", "xfixedvalue", "xlabel", "xmenu", "xpanel", "xpvalue", "xradiobutton", "xred", "xslider",
            "xstatebutton", "xvalue", "xvarlabel");

    /** NEURON's C internals that Python scripts do not use: raw pointers, the C library, CoreNEURON. */
    private static final List<String> INTERNALS = List.of("_pysec", "baseattr", "coredump_on_error",
            "coreneuron_handle", "hocobjptr", "hoc_obj_", "hoc_pointer_", "hoc_stdout", "libpython_path",
            "nrn_feenableexcept", "nrn_mallinfo", "nrniv_bind_thread", "print_local_memory_usage", "same",
            "sav_g", "sav_rhs", "initnrn", "symbols", "show_errmess_always", "nrnpython");

    static void register(HocRegistry registry) {
        HOC_KEYWORDS.forEach(name -> registry.notProvided(name,
                "a hoc keyword: hoc code is not run yet (the hoc interpreter issue)"));
        GUI.forEach(name -> registry.notProvided(name,
                "NEURON's InterViews GUI: jpatch has no display (not even the no-op objects NEURON's -nogui keeps, yet)"));
        INTERNALS.forEach(name -> registry.notProvided(name,
                "NEURON's C internals (raw pointers, C library, CoreNEURON): no meaning on the JVM engine"));
    }
}
