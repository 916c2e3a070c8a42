"""Resolving an asset name (``"Kv1_1"``) plus package/variant wishes and preferences into
one mod, with nmodl-glia's rules:

1. an explicit ``pkg``/``variant`` argument wins over preferences;
2. preferences (``glia.select`` for the script, ``glia.context`` stacks on top) name a
   package and/or variant per asset, or in general (``context(pkg=..., variant=...)``);
3. if the preferred selection matches nothing, resolution starts again without them;
4. several matches from one package resolve to its default variant ``"0"``; any other
   ambiguity is a TooManyMatchesError.

nmodl-glia also reads global preferences saved on disk by its CLI; this glia has no CLI,
so there are none.
"""

from contextlib import contextmanager

from .exceptions import AssetLookupError, NoMatchesError, TooManyMatchesError, UnknownAssetError

# Keys of the general (not asset-specific) preferences of a context.
_GENERAL_PKG = "__pkg"
_GENERAL_VARIANT = "__variant"


class Resolver:
    def __init__(self, packages):
        self.script_preferences = {}
        self._contexts = []
        self.index_packages(packages)

    def index_packages(self, packages):
        """Index the NEURON-dialect mods by asset name and by simulator name."""
        self._by_asset = {}
        self._by_mod_name = {}
        for package in packages:
            for mod in package.mods:
                if mod.dialect not in (None, "neuron"):
                    continue
                self._by_asset.setdefault(mod.asset_name, []).append(mod)
                self._by_mod_name[mod.mod_name] = mod

    def lookup(self, mod_name):
        try:
            return self._by_mod_name[mod_name]
        except KeyError:
            raise AssetLookupError(f"No mod with name '{mod_name}' found") from None

    def resolve(self, asset, pkg=None, variant=None):
        """The simulator name of the selected mod. ``asset`` may also be a tuple
        ``(asset, variant[, pkg])``, as nmodl-glia's MechId."""
        if isinstance(asset, tuple):
            if len(asset) > 1:
                variant = asset[1]
            if len(asset) > 2:
                pkg = asset[2]
            asset = asset[0]
        if asset not in self._by_asset:
            raise UnknownAssetError(
                f"Selection could not be resolved: Asset '{asset}' not found."
            )
        preferred = self._resolve_preferred(asset, pkg, variant)
        if preferred is not None:
            return preferred.mod_name
        candidates = self._candidates(asset, pkg, variant)
        if not candidates:
            raise NoMatchesError(
                f"Selection {pkg}.{asset}.{variant} could not be resolved.", pkg, variant
            )
        return self._one_of(candidates, asset, pkg, variant).mod_name

    def _resolve_preferred(self, asset, pkg, variant):
        preferences = self._preferences()
        specific = preferences.get(asset)
        general_pkg = preferences.get(_GENERAL_PKG)
        general_variant = preferences.get(_GENERAL_VARIANT)
        if specific is not None:
            pkg = pkg if pkg is not None else specific.get("package")
            variant = variant if variant is not None else specific.get("variant")
        elif general_pkg or general_variant:
            pkg = pkg or general_pkg or None
            variant = variant or general_variant or None
        else:
            return None
        candidates = self._candidates(asset, pkg, variant)
        return self._one_of(candidates, asset, pkg, variant) if candidates else None

    def _candidates(self, asset, pkg, variant):
        return [
            mod
            for mod in self._by_asset[asset]
            if (not pkg or mod.pkg_name == pkg) and (not variant or mod.variant == variant)
        ]

    def _one_of(self, candidates, asset, pkg, variant):
        if len(candidates) == 1:
            return candidates[0]
        same_package = all(mod.pkg_name == candidates[0].pkg_name for mod in candidates)
        default = next((mod for mod in candidates if mod.variant == "0"), None)
        if same_package and default is not None:
            return default
        selection = f"{pkg}.{asset}" if pkg else asset
        if variant:
            selection += f" ({variant})"
        names = [mod.mod_name for mod in candidates]
        raise TooManyMatchesError(
            f"Selection could not be resolved, too many matches for {selection}:\n  * "
            + "\n  * ".join(names)
            + "\n Try specifying a package or variant",
            names,
            asset,
            pkg,
            variant,
        )

    def set_preference(self, asset, pkg=None, variant=None):
        preference = {}
        if pkg is not None:
            preference["package"] = pkg
        if variant is not None:
            preference["variant"] = variant
        self.script_preferences[asset] = preference

    @contextmanager
    def preference_context(self, assets=None, pkg=None, variant=None):
        """Preferences for the duration of a ``with`` block; nested contexts override
        the outer ones field by field."""
        layer = {name: dict(preference) for name, preference in (assets or {}).items()}
        if pkg is not None:
            layer[_GENERAL_PKG] = pkg
        if variant is not None:
            layer[_GENERAL_VARIANT] = variant
        self._contexts.append(layer)
        try:
            yield
        finally:
            self._contexts.remove(layer)

    def _preferences(self):
        combined = {name: dict(pref) for name, pref in self.script_preferences.items()}
        stacked = {}
        for layer in self._contexts:
            for name, preference in layer.items():
                if name in (_GENERAL_PKG, _GENERAL_VARIANT):
                    stacked[name] = preference or stacked.get(name)
                    continue
                merged = stacked.setdefault(name, {"package": None, "variant": None})
                if preference.get("unset"):
                    merged.update(package=None, variant=None)
                for key in ("package", "variant"):
                    if preference.get(key) is not None:
                        merged[key] = preference[key]
        combined.update(stacked)
        return combined
