"""Measures shared by the evaluation scripts (Pearson, ranks, Spearman, ROC AUC)."""
import math


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def ranks(values):
    """1-based ranks; ties share their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(x, y):
    return pearson(ranks(x), ranks(y))


def auc(positives, negatives):
    """Probability that a positive outscores a negative (ties count half)."""
    r = ranks(positives + negatives)
    n1, n0 = len(positives), len(negatives)
    return (sum(r[:n1]) - n1 * (n1 + 1) / 2) / (n1 * n0)
