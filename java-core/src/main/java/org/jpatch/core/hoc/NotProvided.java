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

    /** hoc's interpreter machinery: meaningful only with hoc code running (the hoc interpreter issue). */
    private static final List<String> HOC_INTERPRETER = List.of("PythonObject", "argtype", "execerror", "execute",
            "execute1", "fprint", "fscan", "getstr", "hoc_ac_", "hoc_cross_x_", "hoc_cross_y_", "load_func",
            "load_proc", "load_template", "name_declared", "numarg", "object_pop", "object_push", "object_pushed",
            "ref", "ropen", "sprint", "sred", "sscanf", "this_node", "wopen", "xopen", "xopen_broadcast_");

    /** h's own operator slots: NEURON's HocObject type gives them to every hoc object, h included. */
    private static final List<String> OPERATOR_SLOTS = List.of("__abs__", "__add__", "__bool__", "__call__",
            "__delitem__", "__getitem__", "__iter__", "__len__", "__mul__", "__neg__", "__next__", "__pos__",
            "__radd__", "__rmul__", "__rsub__", "__rtruediv__", "__setitem__", "__setstate__", "__sub__",
            "__truediv__");

    /** NEURON's legacy stimulus, clamp, fitting and equation-solver functions (before point processes). */
    private static final List<String> LEGACY = List.of("attr_praxis", "batch_run", "batch_save", "clamp_resist",
            "eqinit", "fclamp", "fclampi", "fclampv", "fit_praxis", "fmatrix", "fstim", "fstimi", "fsyn", "fsyng",
            "fsyni", "install_vector_fitness", "prmat", "prstim", "pval_praxis", "retrieveaudit", "saveaudit",
            "solve", "stop_praxis", "variable_domain");

    /** Classes of NEURON's not built yet: issue 10's remaining scope, CVode its own issue. */
    private static final List<String> CLASSES_NOT_YET = List.of("BBSaveState", "CVode", "FInitializeHandler",
            "File", "GUIMath", "Impedance", "KSChan", "KSGate", "KSState", "KSTrans", "LinearMechanism", "Matrix",
            "MechanismStandard", "MechanismType", "NMODLRandom", "PatternStim", "Pointer", "PtrVector", "SaveState",
            "StateTransitionEvent", "StringFunctions", "Timer");

    /** Functions and variables of NEURON's not built yet. */
    private static final List<String> FUNCTIONS_NOT_YET = List.of("allobjects", "allobjectvars",
            "default_dll_loaded_", "diam_changed", "disconnect", "fcurrent", "frecord_init", "getSpineArea", "hname", "i_membrane_",
            "ion_register", "ion_style", "keep_nseg_parm", "machine_name", "make_mechanism", "make_pointprocess",
            "morphology", "nrn_get_config_key", "nrn_get_config_val", "nrn_netrec_state_adjust",
            "nrn_num_config_keys", "nrn_shape_changed_", "nrn_sparse_partrans", "nrnmpi_init", "nrnunit_use_legacy",
            "object_id", "quit", "rallbranch", "section_owner", "sectionname", "setSpineArea", "spine3d", "stoprun",
            "system", "use_exp_pow_precision");

    /** A mechanism's FUNCTIONs and PROCEDUREs called from h (rates_hh, setdata_hh). */
    private static final List<String> MECHANISM_FUNCTIONS = List.of("rates_hh", "setdata_feature", "setdata_hh",
            "setdata_pas", "vtrap_hh");

    static void register(HocRegistry registry) {
        HOC_INTERPRETER.forEach(name -> registry.notProvided(name,
                "hoc's interpreter machinery: comes with running hoc code (the hoc interpreter issue)"));
        OPERATOR_SLOTS.forEach(name -> registry.notProvided(name,
                "an operator slot of NEURON's HocObject type; jpatch's h is no number, sequence or callable"));
        LEGACY.forEach(name -> registry.notProvided(name,
                "a legacy stimulus, clamp, fitting or equation-solver function of NEURON's: not yet in jpatch"));
        CLASSES_NOT_YET.forEach(name -> registry.notProvided(name, "not yet in jpatch (NEURON class to come)"));
        FUNCTIONS_NOT_YET.forEach(name -> registry.notProvided(name, "not yet in jpatch (NEURON function to come)"));
        MECHANISM_FUNCTIONS.forEach(name -> registry.notProvided(name,
                "a mechanism's FUNCTION or PROCEDURE called from h: not yet in jpatch (they run inside the engine)"));
        HOC_KEYWORDS.forEach(name -> registry.notProvided(name,
                "a hoc keyword: hoc code is not run yet (the hoc interpreter issue)"));
        GUI.forEach(name -> registry.notProvided(name,
                "NEURON's InterViews GUI: jpatch has no display (not even the no-op objects NEURON's -nogui keeps, yet)"));
        INTERNALS.forEach(name -> registry.notProvided(name,
                "NEURON's C internals (raw pointers, C library, CoreNEURON): no meaning on the JVM engine"));
    }
}
