"""The baseline of the render benchmark: a bare Streamlit page with a title and one small plotly chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("Baseline")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])), key="baseline_chart")
