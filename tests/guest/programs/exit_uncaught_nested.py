# Ends with an uncaught exception from deep in nested function and method calls.
class Parser:
    def __init__(self, text):
        self.text = text
    def parse(self):
        items = []
        for part in self.text.split(","):
            items.append(self.parse_item(part))
        return items
    def parse_item(self, part):
        return int(part.strip())
def load(text):
    p = Parser(text)
    return p.parse()
def main():
    print(load("1, 2, 3"))
    print(load("4, five, 6"))
main()
