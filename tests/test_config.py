import datetime as dt

import pytest

from factcheck.config import Aliases, ConfigError, load_config, merge_source_meta, parse_config
from factcheck.host import Host
from factcheck.testing import make_documents


def error_of(text, **host_args):
    with pytest.raises(ConfigError) as info:
        Host(parse_config(text, "rules.toml"), use_entry_points=True, **host_args)
    return str(info.value)


def test_toml_syntax_error_names_file_line_and_column():
    with pytest.raises(ConfigError) as info:
        parse_config('[factcheck]\nfail_on = "warning"\nabbreviations = [\n"Amb." "Col."]\n', "rules.toml")
    assert str(info.value).startswith("rules.toml:4:")
    assert "invalid TOML" in str(info.value)


def test_unknown_core_key_is_located():
    message = error_of('# comment\n[factcheck]\nfail_on = "error"\nfial_level = "x"\n')
    assert message.startswith("rules.toml:4:1: factcheck.fial_level: unknown key")


def test_wrong_type_is_reported_with_expected_type():
    message = error_of('[factcheck]\nabbreviations = "Amb."\n')
    assert message.startswith("rules.toml:2:1: factcheck.abbreviations: expected list")


def test_bad_fail_level():
    assert "must be one of" in error_of('[factcheck]\nfail_on = "loud"\n')


def test_dask_table_for_corpus_mode():
    config = parse_config('[factcheck.dask]\nscheduler = "tcp://10.0.0.5:8786"\nretries = 3\n')
    assert config.dask == {"scheduler": "tcp://10.0.0.5:8786", "retries": 3}
    assert error_of('[factcheck]\nfail_on = "info"\n\n[factcheck.dask]\nscheduler = "10.0.0.5:8786"\n') \
        .startswith("rules.toml:5:1: factcheck.dask.scheduler: expected a scheduler address like tcp://HOST:PORT")
    assert error_of('[factcheck.dask]\nretries = -1\n').startswith("rules.toml:2:1: factcheck.dask.retries: must be 0 or more")
    assert "factcheck.dask.retries: expected int" in error_of('[factcheck.dask]\nretries = "2"\n')
    assert "factcheck.dask.workers: unknown key" in error_of('[factcheck.dask]\nworkers = 2\n')


def test_unknown_plugin_option_lists_the_accepted_keys():
    message = error_of('[plugins.dates]\nenabled = true\nmin_simlarity = 0.3\n')
    assert message.startswith("rules.toml:3:1: plugins.dates.min_simlarity: unknown key")
    assert "enabled" in message and "severity" in message


def test_plugin_option_of_wrong_type():
    message = error_of('[plugins.dates]\nenabled = "yes"\n')
    assert message.startswith("rules.toml:2:1: plugins.dates.enabled: expected bool")


def test_unknown_rule_in_severity_table():
    message = error_of('[plugins.dates.severity]\nweekday-clash = "error"\n')
    assert message.startswith("rules.toml:2:1: plugins.dates.severity.weekday-clash: unknown rule")


def test_bad_severity_value():
    message = error_of('[plugins.dates]\nseverity = { weekday-conflict = "loud" }\n')
    assert message.startswith("rules.toml:2:")
    assert "severity must be one of" in message


def test_unknown_plugin_table():
    message = error_of('[factcheck]\nfail_on = "info"\n\n[plugins.placez]\nenabled = true\n')
    assert message.startswith("rules.toml:4:1: plugins.placez: no plugin named 'placez'")


def test_unknown_top_level_table():
    with pytest.raises(ConfigError, match=r"rules.toml:1:1: alias: unknown table"):
        parse_config('alias = {}\n')


def test_sources_metadata_and_dates():
    config = parse_config('[sources."a.txt"]\noutlet = "AP"\npublished = 2023-02-01\n'
                          '[sources."b.txt"]\npublished = "2023-01-31"\n')
    assert config.source_meta("some/dir/a.txt") == {"outlet": "AP", "published": dt.date(2023, 2, 1)}
    assert config.source_meta("b.txt")["published"] == dt.date(2023, 1, 31)


def test_a_publication_time_is_kept_beside_the_date_and_never_outlives_it():
    config = parse_config('[sources."a.txt"]\npublished = 2023-02-01T09:30:00\n'
                          '[sources."b.txt"]\npublished = "2023-02-01 18:05"\n')
    assert config.source_meta("a.txt") == {"published": dt.date(2023, 2, 1), "published_time": dt.time(9, 30)}
    assert config.source_meta("b.txt")["published_time"] == dt.time(18, 5)
    # the file's own date (front matter) or the command line's replaces rules.toml's date and time
    own = merge_source_meta(config.source_meta("a.txt"), {"published": dt.date(2023, 2, 2)})
    assert own == {"published": dt.date(2023, 2, 2)}
    later = merge_source_meta(config.source_meta("a.txt"), {}, dt.datetime(2023, 2, 3, 7, 0))
    assert later == {"published": dt.date(2023, 2, 3), "published_time": dt.time(7, 0)}
    (doc,) = make_documents({"a.txt": "Text."}, config)
    assert doc.published_at == dt.datetime(2023, 2, 1, 9, 30)


def test_sources_bad_date():
    with pytest.raises(ConfigError, match=r"rules.toml:2:1: sources.a.txt.published: expected a date"):
        parse_config('[sources."a.txt"]\npublished = "yesterday"\n')


def test_aliases_extend_the_defaults():
    config = parse_config('[aliases]\n"Burkina Faso" = ["Ouagadougou"]\n')
    aliases = config.alias_table()
    assert aliases.same("Ouagadougou", "Burkina Faso")
    assert aliases.same("U.S.", "America")
    assert aliases.same("Pyongyang", "North Korea")
    assert not aliases.same("Seoul", "Pyongyang")


def test_alias_normalisation_ignores_dots_case_and_article():
    aliases = Aliases({"United States": ["US"]})
    assert aliases.canonical("the U.S.") == aliases.canonical("united states")


def test_missing_config_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read configuration"):
        load_config(str(tmp_path / "nope.toml"))


def test_no_rules_toml_means_built_in_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(None)
    assert config.path is None and config.fail_on == "warning"


def test_shipped_rules_toml_is_valid():
    from conftest import ROOT

    config = load_config(str(ROOT / "rules.toml"))
    Host(config)  # validates every [plugins.*] table against the loaded plugins
