"""The teacher's forms: articles, questions, filters, bulk approval, imports."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (BooleanField, DateField, FloatField, RadioField, SelectField, StringField, SubmitField,
                     TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from ..forms import at_most, options
from ..items import KINDS, validate_item

MAX_ARTICLE_BYTES = 500_000
MAX_SEARCH = 200
DOCUMENTS = ((b"%PDF", "a PDF"), (b"PK\x03\x04", "a Word or other office document"),
             (b"\xd0\xcf\x11\xe0", "a Word or other office document"), (b"{\\rtf", "a rich-text (RTF) document"))


class ArticleForm(FlaskForm):
    title = StringField("Title", validators=[at_most(200, "A title")])
    text = TextAreaField("Article text", validators=[at_most(MAX_ARTICLE_BYTES, "An article")])
    upload = FileField("Or upload a .txt file")

    def validate(self, extra_validators=None):
        if not super().validate(extra_validators):
            return False
        if self.upload.data and getattr(self.upload.data, "filename", ""):
            data = self.upload.data.read(MAX_ARTICLE_BYTES + 1)
            if len(data) > MAX_ARTICLE_BYTES:
                self.upload.errors.append(f"The file is larger than {MAX_ARTICLE_BYTES // 1000} kB; a news article is far smaller.")
                return False
            document = next((name for magic, name in DOCUMENTS if data.startswith(magic)), None)
            if document:
                self.upload.errors.append(f"That is {document}, not a text file: copy the article's text into the box "
                                          "above, or save it as plain text (.txt) and upload that.")
                return False
            if b"\x00" in data:
                self.upload.errors.append("That is not a text file.")
                return False
            try:
                self.text.data = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                self.upload.errors.append("The file is not UTF-8 text; save it as UTF-8 and upload it again.")
                return False
        if not (self.text.data or "").strip():
            self.text.errors.append("Paste the article's text or choose a .txt file.")
            return False
        return True


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


OPTION_SLOTS = 5  # a multiple choice question has three to five options (items.validate_item)


class ItemForm(FlaskForm):
    """A question written by hand. Multiple choice: the options typed one per box, the right one marked
    with a radio button (its text is the answer: never typed twice); other kinds: the right answer typed."""

    article = SelectField("Article", coerce=int)
    kind = SelectField("Kind", choices=options(KINDS.items()))
    prompt = TextAreaField("Question", validators=[DataRequired("Write the question.")])
    answer = StringField("Right answer")
    right_option = RadioField("Right option", choices=options((str(n), f"Option {n} is the right answer")
                                                              for n in range(1, OPTION_SLOTS + 1)), validate_choice=False)
    accepted = TextAreaField("Other accepted answers (one per line)")
    source_sentence = TextAreaField("Source sentence")

    @classmethod
    def initial(cls, item):
        """The form's data for editing a stored item: its options in their boxes, the answer's marked."""
        data = {**item, "article": item["article_id"], "accepted": "\n".join(item["accepted"])}
        for n, choice in enumerate(item["choices"][:OPTION_SLOTS], start=1):
            data[f"option_{n}"] = choice
            if item["kind"] == "multiple_choice" and choice == item["answer"]:
                data["right_option"] = str(n)
        return data

    @property
    def option_fields(self):
        return [getattr(self, f"option_{n}") for n in range(1, OPTION_SLOTS + 1)]

    def _marked_option(self):
        """The text of the option marked right ("" when none is marked or its box is empty)."""
        try:
            return (self.option_fields[int(self.right_option.data) - 1].data or "").strip()
        except (TypeError, ValueError, IndexError):
            return ""

    def item(self):
        multiple = self.kind.data == "multiple_choice"
        return {
            "kind": self.kind.data,
            "prompt": self.prompt.data or "",
            "answer": self._marked_option() if multiple else self.answer.data or "",
            "choices": [text for text in ((f.data or "").strip() for f in self.option_fields) if text] if multiple else [],
            "accepted": _lines(self.accepted.data),
            "source_sentence": self.source_sentence.data or "",
        }

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        self.option_errors = []
        multiple = self.kind.data == "multiple_choice"
        problems = validate_item(self.item())
        if multiple and "answer" in problems:
            marked = self.right_option.data in {str(n) for n in range(1, OPTION_SLOTS + 1)}
            problems["right_option"] = ("The option marked right is empty: type it or mark another." if marked
                                        else "Mark the right option.")
            del problems["answer"]
        for name, message in problems.items():
            if name == "choices":
                self.option_errors.append(message)
                valid = False
                continue
            field = getattr(self, name)
            if message not in field.errors:
                field.errors = list(field.errors) + [message]
            valid = False
        return valid


for _slot in range(1, OPTION_SLOTS + 1):
    setattr(ItemForm, f"option_{_slot}", StringField(f"Option {_slot}"))


class FilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search form changes nothing

    q = StringField("Search", validators=[Length(max=MAX_SEARCH, message=f"Keep the search under {MAX_SEARCH} characters.")])
    article = SelectField("Article", coerce=int, default=0)
    kind = SelectField("Kind", default="")
    status = SelectField("Status", default="")


class ApproveAboveForm(FlaskForm):
    threshold = FloatField("Approve all drafts scored at least", default=0.7,
                           validators=[InputRequired("Give a score between 0 and 1."), NumberRange(0, 1, "Give a score between 0 and 1.")])


class ImportForm(FlaskForm):
    upload = FileField("Questions file (.csv or GIFT .txt)")
    format = SelectField("Format", choices=options([("csv", "CSV (as exported)"), ("gift", "Moodle GIFT")]))
    trust_titles = BooleanField("Update questions by id")


class ConfirmImportForm(FlaskForm):
    confirm = SubmitField("Confirm import")
    cancel = SubmitField("Cancel import")


class ClassForm(FlaskForm):
    name = StringField("Class name", validators=[DataRequired("Give the class a name."),
                                                 Length(max=100, message="Keep the name under 100 characters.")])


class AssignForm(FlaskForm):
    article = SelectField("Article", coerce=int, validate_choice=True)
    due_date = DateField("Due date", validators=[Optional()], format="%Y-%m-%d")

    def validate_article(self, field):
        if not self.article.choices:
            raise ValueError("There is no article with approved questions to assign yet.")


class AddStudentsForm(FlaskForm):
    usernames = TextAreaField("Usernames (one per line)", validators=[DataRequired("Paste at least one username.")])


class RemoveStudentForm(FlaskForm):
    answers = RadioField("Their answers", choices=options([("keep", "Keep them in the results, anonymised"),
                                                           ("delete", "Delete them with the account")]),
                         validators=[InputRequired("Choose what happens to their answers.")])


class AddTeacherForm(FlaskForm):
    username = StringField("Teacher's username", validators=[
        DataRequired("Give the new teacher a username."),
        Regexp(r"^[A-Za-z0-9_.\-]{3,40}$", message="3 to 40 letters, digits, dots, dashes or underscores.")])
