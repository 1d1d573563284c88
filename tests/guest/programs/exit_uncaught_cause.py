# Ends with an explicit cause: "The above exception was the direct cause of the following exception".
class ConfigError(Exception):
    pass
def parse_port(text):
    try:
        return int(text)
    except ValueError as exc:
        raise ConfigError("bad port %r" % text) from exc
print(parse_port("8080"))
parse_port("eighty")
