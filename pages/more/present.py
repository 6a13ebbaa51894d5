"""Presentation mode: the Social Summit deck (or a playlist, or a frozen deck) one slide at a time, full screen."""

from monitor.ui.player import player

player()
