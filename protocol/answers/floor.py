"""Answers of the floor commands."""

from __future__ import annotations

from protocol.answers.base import Answer
from protocol.shapes.floor import SpeakerRequest


class SpeakerRequestAnswer(Answer):
    request: SpeakerRequest
