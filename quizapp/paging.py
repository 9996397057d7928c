"""Pages of a long list: which rows a page number shows, and the links around it (no Flask, no SQL)."""
from dataclasses import dataclass

PAGE_SIZE = 50


@dataclass(frozen=True)
class Page:
    """Page `number` (from 1) of `total` rows, `size` rows a page."""

    number: int
    total: int
    size: int = PAGE_SIZE

    @property
    def pages(self):
        return max(1, -(-self.total // self.size))

    @property
    def offset(self):
        return (self.number - 1) * self.size

    @property
    def first_row(self):
        return min(self.offset + 1, self.total)

    @property
    def last_row(self):
        return min(self.offset + self.size, self.total)

    @property
    def previous(self):
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self):
        return self.number + 1 if self.number < self.pages else None


def page_number(raw):
    """The page asked for in a URL (text or None) as a number from 1; anything else is page 1."""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= 10**9 else 1


def page_of(raw, total, size=PAGE_SIZE):
    """The Page for a requested number, moved onto the last page when the list has become shorter."""
    page = Page(page_number(raw), total, size)
    return page if page.number <= page.pages else Page(page.pages, total, size)
