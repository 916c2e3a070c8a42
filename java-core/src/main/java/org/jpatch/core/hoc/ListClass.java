package org.jpatch.core.hoc;

/** {@code h.List}: NEURON's oclist.cpp methods over {@link ObjectList} (the GUI browser is absent without a display). */
final class ListClass {
    private ListClass() {}

    static void register(HocRegistry registry) {
        registry.add(HocClass.of("List", ObjectList.class, "List(): an ordered list of objects.")
                .constructor(args -> {
                    if (args.size() > 0) {
                        throw new HocExecError("List(\"template\") (the list of a template's objects) is not provided:"
                                + " jpatch has no hoc templates yet");
                    }
                    return new ObjectList();
                })
                .method("append", "append(obj): adds obj at the end; returns the count.", (list, args) -> {
                    list.items.add(item(args.expect(1, 1)));
                    return (double) list.items.size();
                })
                .method("prepend", "prepend(obj): adds obj at the front; returns the count.", (list, args) -> {
                    list.items.add(0, item(args.expect(1, 1)));
                    return (double) list.items.size();
                })
                .method("insrt", "insrt(i, obj): inserts obj before index i; returns the count.", (list, args) -> {
                    int i = args.expect(2, 2).integer(0);
                    Object item = args.value(1);
                    checkItem(args, item);
                    if (i < 0 || i > list.items.size()) {
                        throw new HocExecError("List.insrt index " + i + ": Arg out of range in user function (the list has "
                                + list.items.size() + " items)");
                    }
                    list.items.add(i, item);
                    return (double) list.items.size();
                })
                .method("remove", "remove(i): removes the item at index i; returns the count.", (list, args) -> {
                    list.items.remove(index(list, args.expect(1, 1).integer(0)));
                    return (double) list.items.size();
                })
                .method("remove_all", "remove_all(): empties the list.", (list, args) -> {
                    list.items.clear();
                    return 0.0;
                })
                .method("index", "index(obj): the index of obj, or -1.", (list, args) -> list.indexOf(args.expect(1, 1).value(0)))
                .method("count", "count(): the number of items.", (list, args) -> list.items.size())
                .method("object", "object(i): the item at index i.", (list, args) -> list.items.get(index(list, args.expect(1, 1).integer(0))))
                .method("o", "o(i): the item at index i (short for object).", (list, args) -> list.items.get(index(list, args.expect(1, 1).integer(0))))
                .method("__iter__", "The items, in order.", (list, args) -> list.items()));
    }

    private static Object item(HocArgs args) {
        Object item = args.value(0);
        checkItem(args, item);
        return item;
    }

    private static void checkItem(HocArgs args, Object item) {
        if (item == null || item instanceof Number || item instanceof String || item instanceof Boolean) {
            throw new HocArgumentException(args.call() + " takes an object, got " + HocArgs.describe(item));
        }
    }

    private static int index(ObjectList list, int i) {
        if (i < 0 || i >= list.items.size()) {
            throw new HocExecError("List index " + i + ": Arg out of range in user function (the list has "
                    + list.items.size() + " items)");
        }
        return i;
    }
}
