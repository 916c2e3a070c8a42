package org.jpatch.core.hoc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One of NEURON's classes as hoc and Python name it ({@code Vector}, {@code SectionList}), over the
 * engine's Java type {@code T}: its constructor (absent for classes only the engine creates) and
 * members. Built once, with {@link #of} and the builder methods, when the registry is made.
 */
public final class HocClass<T> {
    private final String name;
    private final Class<T> type;
    private final String doc;
    private Function<HocArgs, T> constructor;
    private final Map<String, HocMember<T>> members = new LinkedHashMap<>();

    private HocClass(String name, Class<T> type, String doc) {
        this.name = name;
        this.type = type;
        this.doc = doc;
    }

    public static <T> HocClass<T> of(String name, Class<T> type, String doc) {
        return new HocClass<>(name, type, doc);
    }

    public HocClass<T> constructor(Function<HocArgs, T> body) {
        constructor = body;
        return this;
    }

    public HocClass<T> method(String member, String memberDoc, HocMethod<T> body) {
        return add(new HocMember<>(member, HocMember.Kind.METHOD, memberDoc, body, null, null, null, null, null));
    }

    public HocClass<T> property(String member, String memberDoc, HocMember.Getter<T> getter,
            HocMember.Setter<T> setter) {
        return add(new HocMember<>(member, HocMember.Kind.PROPERTY, memberDoc, null, getter, setter, null, null, null));
    }

    public HocClass<T> readOnly(String member, String memberDoc, HocMember.Getter<T> getter) {
        return property(member, memberDoc, getter, null);
    }

    public HocClass<T> array(String member, String memberDoc, HocMember.Length<T> length,
            HocMember.ElementGetter<T> getter, HocMember.ElementSetter<T> setter) {
        return add(new HocMember<>(member, HocMember.Kind.ARRAY, memberDoc, null, null, null, getter, setter, length));
    }

    private HocClass<T> add(HocMember<T> member) {
        if (members.putIfAbsent(member.name(), member) != null) {
            throw new IllegalStateException(name + "." + member.name() + " is declared twice");
        }
        return this;
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public String doc() {
        return doc;
    }

    public boolean constructible() {
        return constructor != null;
    }

    public Map<String, HocMember<T>> members() {
        return Collections.unmodifiableMap(members);
    }

    /** {@code h.Name(args)}; nothing changes when it throws. */
    public T create(HocArgs args) {
        if (constructor == null) {
            throw new HocArgumentException(name + " objects are made by the engine, not by " + name + "()");
        }
        return constructor.apply(args);
    }

    public HocMember<T> member(String memberName) {
        HocMember<T> member = members.get(memberName);
        if (member == null) {
            throw new HocNameException("'" + name + "' object has no attribute '" + memberName + "'");
        }
        return member;
    }

    public Object call(Object self, String memberName, HocArgs args) {
        HocMember<T> member = member(memberName);
        if (member.kind() != HocMember.Kind.METHOD) {
            throw new HocArgumentException("'" + name + "." + memberName + "' is not callable");
        }
        return member.method().call(type.cast(self), args);
    }

    public Object get(Object self, String memberName) {
        HocMember<T> member = member(memberName);
        if (member.kind() != HocMember.Kind.PROPERTY) {
            throw new HocArgumentException("'" + name + "." + memberName + "' is a " + member.kind().name().toLowerCase()
                    + ", not a property");
        }
        return member.getter().get(type.cast(self));
    }

    public void set(Object self, String memberName, double value) {
        HocMember<T> member = member(memberName);
        if (member.kind() != HocMember.Kind.PROPERTY || member.setter() == null) {
            throw new HocNameException("'" + name + "." + memberName + "' is read-only");
        }
        member.setter().set(type.cast(self), value);
    }

    public double getElement(Object self, String memberName, int index) {
        HocMember<T> member = arrayMember(memberName);
        T target = type.cast(self);
        checkIndex(member, target, index);
        return member.elementGetter().get(target, index);
    }

    public void setElement(Object self, String memberName, int index, double value) {
        HocMember<T> member = arrayMember(memberName);
        if (member.elementSetter() == null) {
            throw new HocNameException("'" + name + "." + memberName + "' is read-only");
        }
        T target = type.cast(self);
        checkIndex(member, target, index);
        member.elementSetter().set(target, index, value);
    }

    public int length(Object self, String memberName) {
        return arrayMember(memberName).length().of(type.cast(self));
    }

    private HocMember<T> arrayMember(String memberName) {
        HocMember<T> member = member(memberName);
        if (member.kind() != HocMember.Kind.ARRAY) {
            throw new HocArgumentException("'" + name + "." + memberName + "' is not an array");
        }
        return member;
    }

    private void checkIndex(HocMember<T> member, T target, int index) {
        int length = member.length().of(target);
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(name + "." + member.name() + " index " + index
                    + " out of range [0, " + length + ")");
        }
    }
}
